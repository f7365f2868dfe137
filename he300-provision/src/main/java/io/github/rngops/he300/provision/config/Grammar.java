package io.github.rngops.he300.provision.config;

import java.util.regex.Pattern;

/**
 * What a host name, a user name, a certificate's domain and an e-mail address may look like, wherever they come
 * from (install.yaml, a flag). These values reach remote commands as arguments: nothing outside the grammar (a
 * space, {@code ;}, {@code $(…)}, a quote, a newline) gets through. The patterns are this package's (the config
 * reader checks every field with them); other packages check flags with {@link #isHost} and {@link #isUser}.
 */
public final class Grammar {
    /** A DNS name or an IPv4/IPv6 address. */
    static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.:_-]{0,252})");
    /** A POSIX user name, as useradd accepts it. */
    static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}\\$?");
    /** A fully qualified DNS name (two labels at least), as a certificate names it; {@code *.} for a wildcard. */
    static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)(\\*\\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
            + "[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    /** {@code local@domain}: a dot-atom local part of letters, digits and {@code _%+-}; no quotes, no spaces. */
    static final Pattern EMAIL = Pattern.compile("(?=.{3,254}$)[A-Za-z0-9_%+-]+(?:\\.[A-Za-z0-9_%+-]+)*@"
            + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private Grammar() {}

    /**
     * Checks a host given on a command line ({@code --host}).
     *
     * @param text the value as given
     * @return whether it is a DNS name or an IPv4/IPv6 address, with nothing a shell would read
     */
    public static boolean isHost(String text) {
        return HOST.matcher(text).matches();
    }

    /**
     * Checks a user name given on a command line ({@code --user}).
     *
     * @param text the value as given
     * @return whether it is a POSIX user name, as useradd accepts it
     */
    public static boolean isUser(String text) {
        return USER.matcher(text).matches();
    }
}
