package io.github.vnetjail.exec;

/** The errno values the simulated kernel returns, with FreeBSD's strerror(3) texts. */
enum SimErrno {
  EPERM("Operation not permitted"),
  ENOENT("No such file or directory"),
  ENXIO("Device not configured"),
  EBUSY("Device busy"),
  EEXIST("File exists"),
  ENODEV("Operation not supported by device"),
  EINVAL("Invalid argument"),
  ENOSPC("No space left on device"),
  ENAMETOOLONG("File name too long"),
  ENETUNREACH("Network is unreachable"),
  EADDRNOTAVAIL("Can't assign requested address"),
  ESRCH("No such process");

  final String text;

  SimErrno(String text) {
    this.text = text;
  }
}
