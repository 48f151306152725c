// CEditLineShim: what the terminal REPL needs in C: a Ctrl-C handler that is async-signal-safe,
// and a character reader for libedit that a Ctrl-C can wake (libedit's own ends the process).
#ifndef BURN_CEDITLINESHIM_H
#define BURN_CEDITLINESHIM_H

#include <signal.h>
#include <stdio.h>

/// Installs the SIGINT handler and its self-pipe; returns 0 on success.
int burn_interrupt_install(void);

/// Where the handler also writes 1: the flag the evaluator polls while a cell runs, or NULL.
void burn_interrupt_target(volatile sig_atomic_t *flag);

/// Whether Ctrl-C was pressed since the last call; clears it and drains the self-pipe.
int burn_interrupt_take(void);

/// A readline `rl_getc_function`: one character from the stream's descriptor, decoded from
/// UTF-8 to a code point; -1 at end of input, on an error, or when Ctrl-C is pressed.
int burn_getc(FILE *stream);

#endif
