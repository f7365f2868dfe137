/**
 * Direct HTTPS: {@link io.github.rngops.he300.net.https.Certbot} (standalone issuance, staging first),
 * {@link io.github.rngops.he300.net.https.DeployHook} (reload the running nginx after issuance and renewal) and
 * {@link io.github.rngops.he300.net.https.NginxProxy} (443 in front of CIRISNode and EthicsEngine).
 */
package io.github.rngops.he300.net.https;
