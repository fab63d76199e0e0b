/** The jail model: VNET and plain jails, bridges, VLANs, hosts, their validation and allocation. */
package io.github.vnetjail.core;
