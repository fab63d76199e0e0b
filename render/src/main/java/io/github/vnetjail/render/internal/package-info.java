/** Self-contained helpers of the render module; not API. */
package io.github.vnetjail.render.internal;
