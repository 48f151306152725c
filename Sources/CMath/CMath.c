// CMath: libm functions Swift's Glibc module does not show (see CMath.h).
#define _GNU_SOURCE
#include "CMath.h"

#include <math.h>

void burn_sincos(double x, double *sine, double *cosine) {
#if defined(__GLIBC__)
    sincos(x, sine, cosine);
#else
    *sine = sin(x);
    *cosine = cos(x);
#endif
}
