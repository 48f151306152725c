// CZeroMQ: libzmq's C API (the sockets the Jupyter kernel speaks through).
#include <zmq.h>
