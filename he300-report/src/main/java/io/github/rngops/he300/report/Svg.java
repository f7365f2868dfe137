package io.github.rngops.he300.report;

import java.util.Locale;

/** Small helpers to write SVG elements with numbers in a fixed locale; text is always escaped. */
final class Svg {

    private final StringBuilder out = new StringBuilder(4096);

    Svg open(double width, double height, String cssClass, String label) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(cssClass).append("\" viewBox=\"0 0 ")
                .append(n(width)).append(' ').append(n(height)).append("\" role=\"img\" aria-label=\"")
                .append(Escape.html(label)).append("\">");
        return this;
    }

    Svg rect(String cssClass, double x, double y, double width, double height, String title) {
        out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(Math.max(0, width))).append("\" height=\"").append(n(height))
                .append('"');
        if (title == null) {
            out.append("/>");
        } else {
            out.append("><title>").append(Escape.html(title)).append("</title></rect>");
        }
        return this;
    }

    Svg line(String cssClass, double x1, double y1, double x2, double y2) {
        out.append("<line class=\"").append(cssClass).append("\" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1))
                .append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append("\"/>");
        return this;
    }

    Svg diamond(String cssClass, double x, double y, double r, String title) {
        out.append("<path class=\"").append(cssClass).append("\" d=\"M").append(n(x)).append(' ').append(n(y - r))
                .append('L').append(n(x + r)).append(' ').append(n(y)).append('L').append(n(x)).append(' ')
                .append(n(y + r)).append('L').append(n(x - r)).append(' ').append(n(y)).append("Z\"><title>")
                .append(Escape.html(title)).append("</title></path>");
        return this;
    }

    /** Text at (x, y); {@code anchor} is start, middle or end. */
    Svg text(String cssClass, double x, double y, String anchor, String text) {
        out.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append("\">").append(Escape.html(text)).append("</text>");
        return this;
    }

    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    String close() {
        return out.append("</svg>").toString();
    }

    static String n(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
