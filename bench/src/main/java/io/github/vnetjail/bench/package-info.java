/** JMH benchmarks of the jail.conf parser, evaluator and writer; not API. */
package io.github.vnetjail.bench;
