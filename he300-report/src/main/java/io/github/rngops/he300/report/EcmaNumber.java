package io.github.rngops.he300.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a double as ECMAScript's {@code Number.prototype.toString} does (ECMA-262, Number::toString), the form
 * RFC 8785 requires: the shortest digits that read back as the same double, in plain notation from 1e-6 up to
 * (not including) 1e21 and in exponent notation ({@code 1e+21}, {@code 1.5e-7}) outside it.
 *
 * <p>Java's {@code Double.toString} is not that form: it switches to exponents at 1e7 and 1e-3, writes {@code 1.0}
 * for integers and, before JDK 19, did not always give the shortest digits. So the digits are found here from the
 * exact binary value: for each precision from 1 to 17, the nearest decimal of that many digits (and its two
 * neighbours) is tried until one reads back as the same double; among those that do, the nearest wins.
 */
final class EcmaNumber {

    private static final double EXACT_INTEGERS = 9007199254740992.0; // 2^53

    private EcmaNumber() {
    }

    /**
     * {@code value} as ECMAScript writes it.
     *
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold
     */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        if (value == 0) {
            return "0"; // and -0 as well
        }
        if (value < 0) {
            return "-" + format(-value);
        }
        if (value < EXACT_INTEGERS && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        BigDecimal shortest = shortest(value).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.d1d2...dk × 10^n
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** The decimal with the fewest significant digits that reads back as {@code value}, nearest it on ties. */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == value) {
                return nearest;
            }
            // At a power of two the interval that reads back is lopsided: the nearest decimal can fall outside it
            // while its neighbour on the wider side falls inside.
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-nearest.scale());
            BigDecimal best = null;
            for (BigDecimal candidate : new BigDecimal[] {nearest.subtract(unit), nearest.add(unit)}) {
                if (candidate.signum() > 0 && candidate.doubleValue() == value && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null && best.round(new MathContext(precision)).compareTo(best) == 0) {
                return best;
            }
        }
        return exact.round(MathContext.DECIMAL64); // 16 digits; never reached: 17 always read back
    }
}
