package io.github.rngops.he300.net.wireguard;

import io.github.rngops.he300.net.NetException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A WireGuard interface name that {@code wg-quick} accepts: 1 to 15 of {@code a-z A-Z 0-9 _ = + . -}. It names the
 * config file ({@code /etc/wireguard/<name>.conf}) and the systemd unit ({@code wg-quick@<name>}).
 *
 * @param value the name
 */
public record InterfaceName(String value) {
    private static final Pattern WG_QUICK = Pattern.compile("[a-zA-Z0-9_=+.-]{1,15}");

    /**
     * Checks the name as wg-quick would.
     *
     * @param value the name
     * @throws NetException if wg-quick would refuse it
     */
    public InterfaceName {
        Objects.requireNonNull(value, "interface name");
        if (!WG_QUICK.matcher(value).matches()) {
            throw NetException.invalid("interface name", "'" + value + "' is refused by wg-quick: use 1 to 15 of"
                    + " a-z A-Z 0-9 _ = + . - (for example wg0)");
        }
    }

    /**
     * The interface name {@code value}.
     *
     * @param value 1 to 15 of {@code a-z A-Z 0-9 _ = + . -}, like {@code wg0}
     * @return the name
     * @throws NetException if wg-quick would refuse it
     */
    public static InterfaceName of(String value) {
        return new InterfaceName(value);
    }

    /** {@return the name itself, as wg-quick and systemd take it} */
    @Override
    public String toString() {
        return value;
    }
}
