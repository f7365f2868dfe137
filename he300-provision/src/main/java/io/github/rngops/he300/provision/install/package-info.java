/**
 * {@code ./he300 install} and {@code ./he300 uninstall}: from parsed flags to exit code — connect (SSH or this
 * machine), gather facts, resolve the config, run the plan or a stack command. The scripts only wire flags here.
 */
package io.github.rngops.he300.provision.install;
