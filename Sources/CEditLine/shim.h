// CEditLine: the parts of libedit the terminal REPL uses (its readline-compatible API).
#include <stdio.h>
#include <editline/readline.h>
