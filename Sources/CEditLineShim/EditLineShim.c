// EditLineShim: the Ctrl-C handler (a flag, the evaluator's flag, a byte down a self-pipe) and
// the character reader that waits on the terminal and the self-pipe at once.
#include "CEditLineShim.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t pending = 0;
static volatile sig_atomic_t *volatile target = NULL;
static int wake[2] = {-1, -1};

static void on_interrupt(int signo) {
    (void)signo;
    int saved = errno;
    pending = 1;
    volatile sig_atomic_t *flag = target;
    if (flag) *flag = 1;
    // The pipe wakes poll() whichever thread the signal landed on.
    if (wake[1] >= 0) { ssize_t ignored = write(wake[1], "i", 1); (void)ignored; }
    errno = saved;
}

int burn_interrupt_install(void) {
    if (wake[0] < 0) {
        if (pipe(wake) != 0) return -1;
        for (int i = 0; i < 2; i++) {
            fcntl(wake[i], F_SETFL, fcntl(wake[i], F_GETFL) | O_NONBLOCK);
            fcntl(wake[i], F_SETFD, FD_CLOEXEC);
        }
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    // Restart slow calls (writes to the terminal); poll() is interrupted all the same.
    action.sa_flags = SA_RESTART;
    return sigaction(SIGINT, &action, NULL);
}

void burn_interrupt_target(volatile sig_atomic_t *flag) { target = flag; }

int burn_interrupt_take(void) {
    char buffer[64];
    if (wake[0] >= 0) while (read(wake[0], buffer, sizeof buffer) > 0) {}
    int was = pending;
    pending = 0;
    return was;
}

/// One byte from `fd`: 1, or 0 at end of input, or -1 on an error or a Ctrl-C.
static int read_byte(int fd, unsigned char *byte) {
    for (;;) {
        if (pending) return -1;
        struct pollfd fds[2] = {{fd, POLLIN, 0}, {wake[0], POLLIN, 0}};
        int ready = poll(fds, wake[0] >= 0 ? 2 : 1, -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (wake[0] >= 0 && (fds[1].revents & POLLIN)) return -1;
        ssize_t n = read(fd, byte, 1);
        if (n == 1) return 1;
        if (n == 0) return 0;
        if (errno != EINTR && errno != EAGAIN) return -1;
    }
}

int burn_getc(FILE *stream) {
    int fd = fileno(stream);
    unsigned char first;
    if (read_byte(fd, &first) != 1) return -1;
    if (first < 0x80) return first;
    int extra = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : first >= 0xC0 ? 1 : 0;
    if (extra == 0) return 0xFFFD;
    int code = first & (0x3F >> extra);
    for (int i = 0; i < extra; i++) {
        unsigned char next;
        if (read_byte(fd, &next) != 1) return -1;
        if ((next & 0xC0) != 0x80) return 0xFFFD;
        code = (code << 6) | (next & 0x3F);
    }
    return code;
}
