package io.github.vnetjail.exec;

/** A simulated system call failed with an errno (internal control flow, never leaves the host). */
final class SimKernelException extends Exception {
  private static final long serialVersionUID = 1L;

  final SimErrno errno;

  SimKernelException(SimErrno errno) {
    super(errno.text, null, false, false);
    this.errno = errno;
  }
}
