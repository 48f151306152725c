// CZeroMQ: the libzmq calls the Jupyter kernel makes, loaded when the kernel starts (dlopen)
// rather than linked, so that every other `burn` start does not load libzmq and the fifteen
// libraries it needs (Kerberos, OpenPGM, NORM, libsodium: about 1.4 ms a start). zmq.h, for
// the types and constants, comes from Debian's libzmq3-dev.
#ifndef BURN_CZEROMQ_H
#define BURN_CZEROMQ_H

#include <stddef.h>
#include <zmq.h>

/// Loads libzmq (libzmq.so.5); NULL on success, else why it failed. Call once, before the rest.
const char *burn_zmq_load(void);

void *burn_zmq_ctx_new(void);
int burn_zmq_ctx_shutdown(void *context);
int burn_zmq_ctx_term(void *context);
void *burn_zmq_socket(void *context, int type);
int burn_zmq_setsockopt(void *socket, int option, const void *value, size_t length);
int burn_zmq_bind(void *socket, const char *endpoint);
int burn_zmq_close(void *socket);
int burn_zmq_msg_init(zmq_msg_t *message);
int burn_zmq_msg_recv(zmq_msg_t *message, void *socket, int flags);
int burn_zmq_msg_close(zmq_msg_t *message);
size_t burn_zmq_msg_size(const zmq_msg_t *message);
void *burn_zmq_msg_data(zmq_msg_t *message);
int burn_zmq_msg_more(const zmq_msg_t *message);
int burn_zmq_send(void *socket, const void *buffer, size_t length, int flags);
int burn_zmq_errno(void);
const char *burn_zmq_strerror(int error);
int burn_zmq_poll(zmq_pollitem_t *items, int count, long timeout);

#endif
