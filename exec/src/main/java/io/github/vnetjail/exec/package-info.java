/** Executors (local, SSH, dry run, simulated FreeBSD host) and the jail lifecycle. */
package io.github.vnetjail.exec;
