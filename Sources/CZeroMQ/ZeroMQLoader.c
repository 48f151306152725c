// ZeroMQLoader: opens libzmq at run time and forwards each call the kernel makes to it.
#include "CZeroMQ.h"

#include <dlfcn.h>

static struct {
    void *(*ctx_new)(void);
    int (*ctx_shutdown)(void *);
    int (*ctx_term)(void *);
    void *(*socket)(void *, int);
    int (*setsockopt)(void *, int, const void *, size_t);
    int (*bind)(void *, const char *);
    int (*close)(void *);
    int (*msg_init)(zmq_msg_t *);
    int (*msg_recv)(zmq_msg_t *, void *, int);
    int (*msg_close)(zmq_msg_t *);
    size_t (*msg_size)(const zmq_msg_t *);
    void *(*msg_data)(zmq_msg_t *);
    int (*msg_more)(const zmq_msg_t *);
    int (*send)(void *, const void *, size_t, int);
    int (*errno_)(void);
    const char *(*strerror)(int);
    int (*poll)(zmq_pollitem_t *, int, long);
} zmq;

static void *library = NULL;

/// One symbol into `*slot`; 0 when it is missing.
static int find(void **slot, const char *name) {
    *slot = dlsym(library, name);
    return *slot != NULL;
}

const char *burn_zmq_load(void) {
    if (library) return NULL;
    library = dlopen("libzmq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libzmq.so", RTLD_NOW | RTLD_LOCAL);
    if (!library) return dlerror();
    int ok = find((void **)&zmq.ctx_new, "zmq_ctx_new") & find((void **)&zmq.ctx_shutdown, "zmq_ctx_shutdown")
        & find((void **)&zmq.ctx_term, "zmq_ctx_term") & find((void **)&zmq.socket, "zmq_socket")
        & find((void **)&zmq.setsockopt, "zmq_setsockopt") & find((void **)&zmq.bind, "zmq_bind")
        & find((void **)&zmq.close, "zmq_close") & find((void **)&zmq.msg_init, "zmq_msg_init")
        & find((void **)&zmq.msg_recv, "zmq_msg_recv") & find((void **)&zmq.msg_close, "zmq_msg_close")
        & find((void **)&zmq.msg_size, "zmq_msg_size") & find((void **)&zmq.msg_data, "zmq_msg_data")
        & find((void **)&zmq.msg_more, "zmq_msg_more") & find((void **)&zmq.send, "zmq_send")
        & find((void **)&zmq.errno_, "zmq_errno") & find((void **)&zmq.strerror, "zmq_strerror")
        & find((void **)&zmq.poll, "zmq_poll");
    if (!ok) {
        dlclose(library);
        library = NULL;
        return "libzmq lacks a function the kernel needs (libzmq 4.x is required)";
    }
    return NULL;
}

void *burn_zmq_ctx_new(void) { return zmq.ctx_new(); }
int burn_zmq_ctx_shutdown(void *context) { return zmq.ctx_shutdown(context); }
int burn_zmq_ctx_term(void *context) { return zmq.ctx_term(context); }
void *burn_zmq_socket(void *context, int type) { return zmq.socket(context, type); }
int burn_zmq_setsockopt(void *socket, int option, const void *value, size_t length) {
    return zmq.setsockopt(socket, option, value, length);
}
int burn_zmq_bind(void *socket, const char *endpoint) { return zmq.bind(socket, endpoint); }
int burn_zmq_close(void *socket) { return zmq.close(socket); }
int burn_zmq_msg_init(zmq_msg_t *message) { return zmq.msg_init(message); }
int burn_zmq_msg_recv(zmq_msg_t *message, void *socket, int flags) { return zmq.msg_recv(message, socket, flags); }
int burn_zmq_msg_close(zmq_msg_t *message) { return zmq.msg_close(message); }
size_t burn_zmq_msg_size(const zmq_msg_t *message) { return zmq.msg_size(message); }
void *burn_zmq_msg_data(zmq_msg_t *message) { return zmq.msg_data(message); }
int burn_zmq_msg_more(const zmq_msg_t *message) { return zmq.msg_more(message); }
int burn_zmq_send(void *socket, const void *buffer, size_t length, int flags) {
    return zmq.send(socket, buffer, length, flags);
}
int burn_zmq_errno(void) { return zmq.errno_(); }
const char *burn_zmq_strerror(int error) { return zmq.strerror(error); }
int burn_zmq_poll(zmq_pollitem_t *items, int count, long timeout) { return zmq.poll(items, count, timeout); }
