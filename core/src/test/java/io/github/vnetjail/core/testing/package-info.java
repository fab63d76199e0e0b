/** Test helpers shared by the modules' tests through the core test jar. */
package io.github.vnetjail.core.testing;
