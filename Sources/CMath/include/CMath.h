#ifndef C_MATH_H
#define C_MATH_H

/// Sine and cosine of one angle in one call: glibc's `sincos` (a GNU extension Swift's Glibc
/// module does not show), which shares the argument reduction between the two and gives the
/// same bits as `sin` and `cos` called one after the other (Tests/BurnKitTests/DrawsBitsTests
/// checks it). Elsewhere, `sin` and `cos`.
void burn_sincos(double x, double *sine, double *cosine);

#endif
