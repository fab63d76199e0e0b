/** Implementation details of the core module; not API, may change without notice. */
package io.github.vnetjail.core.internal;
