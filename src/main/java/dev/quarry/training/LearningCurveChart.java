package dev.quarry.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link LearningCurve.Result}: a hand-written SVG line chart (axes, ticks, one line and labelled points per
 * metric, a legend) and a plain-text table. No dependencies, no scripts, fixed size 720 x 440.
 */
final class LearningCurveChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final int LABEL_GAP = 24;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    private LearningCurveChart() {
    }

    static String table(LearningCurve.Result curve) {
        List<String> lines = new ArrayList<>();
        for (LearningCurve.Point p : curve.points()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5.1f%% %8d", 100 * p.fraction(),
                    p.trainSize()));
            p.metrics().forEach((name, value) -> {
                Double delta = p.delta().get(name);
                line.append(String.format(Locale.ROOT, "  %s %.4f", name, value));
                line.append(delta == null ? "" : String.format(Locale.ROOT, " (%+.4f)", delta));
            });
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    static String svg(LearningCurve.Result curve, String title, List<String> metrics) {
        List<LearningCurve.Point> points = curve.points();
        for (LearningCurve.Point p : points) {
            for (String metric : metrics) {
                if (!p.metrics().containsKey(metric)) {
                    throw new IllegalArgumentException("metric \"" + metric + "\" is missing at " + p.trainSize()
                            + " training examples; the points have " + p.metrics().keySet());
                }
            }
        }
        double[] y = yRange(points, metrics);
        double xMax = points.stream().mapToInt(LearningCurve.Point::trainSize).max().orElse(1);
        Canvas canvas = new Canvas(xMax <= 0 ? 1 : xMax, y[0], y[1]);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"16\">%s</text>%n", LEFT,
                escape(title)));
        axes(svg, canvas, points, y);
        for (int m = 0; m < metrics.size(); m++) {
            series(svg, canvas, points, metrics.get(m), COLOURS[m % COLOURS.length], m);
        }
        labels(svg, canvas, points, metrics);
        svg.append("</svg>\n");
        return svg.toString();
    }

    static String stack(List<String> charts) {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("need at least one chart");
        }
        if (charts.size() == 1) {
            return charts.getFirst();
        }
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n", WIDTH, HEIGHT * charts.size(), WIDTH,
                HEIGHT * charts.size()));
        for (int i = 0; i < charts.size(); i++) {
            String chart = charts.get(i);
            if (!chart.startsWith("<svg ")) {
                throw new IllegalArgumentException("chart " + i + " is not an SVG element of this class");
            }
            svg.append("<svg x=\"0\" y=\"").append(HEIGHT * i).append("\" ").append(chart.substring(5));
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * A y range and tick step: the step is 0.01, 0.02, 0.05, 0.1, 0.2 or 0.5 (times a power of ten) giving at most
     * 8 ticks over the values, the range the multiples of the step around them (at least two steps), clipped to [0, 1]
     * when the values lie there.
     */
    private static double[] yRange(List<LearningCurve.Point> points, List<String> metrics) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (LearningCurve.Point p : points) {
            for (String metric : metrics) {
                min = Math.min(min, p.metrics().get(metric));
                max = Math.max(max, p.metrics().get(metric));
            }
        }
        if (min > max) {
            return new double[] {0, 1, 0.2};
        }
        double step = step(Math.max(max - min, 0.05));
        double lo = Math.floor(min / step + 1e-9) * step;
        double hi = Math.max(Math.ceil(max / step - 1e-9) * step, lo + 2 * step);
        if (min >= 0 && max <= 1) {
            lo = Math.max(0, lo);
            hi = Math.min(1, hi);
        }
        return new double[] {lo, hi, step};
    }

    private static double step(double range) {
        double power = Math.pow(10, Math.floor(Math.log10(range)) - 1);
        for (double factor : new double[] {1, 2, 5, 10, 20, 50}) {
            if (range / (factor * power) <= 7) {
                return factor * power;
            }
        }
        return 100 * power;
    }

    private record Canvas(double xMax, double yMin, double yMax) {
        double x(double value) {
            return LEFT + value / xMax * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return HEIGHT - BOTTOM - (value - yMin) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static void axes(StringBuilder svg, Canvas c, List<LearningCurve.Point> points, double[] y) {
        line(svg, c.x(0), c.y(y[0]), c.x(c.xMax()), c.y(y[0]), "black");
        line(svg, c.x(0), c.y(y[0]), c.x(0), c.y(y[1]), "black");
        for (LearningCurve.Point p : points) {
            double x = c.x(p.trainSize());
            line(svg, x, c.y(y[0]), x, c.y(y[0]) + 5, "black");
            text(svg, x, c.y(y[0]) + 18, "middle", "black", Integer.toString(p.trainSize()));
            text(svg, x, c.y(y[0]) + 31, "middle", "#666666", String.format(Locale.ROOT, "%.0f%%",
                    100 * p.fraction()));
        }
        text(svg, c.x(c.xMax() / 2), HEIGHT - 8, "middle", "black", "training examples (share of the training data)");
        int ticks = (int) Math.round((y[1] - y[0]) / y[2]);
        for (int i = 0; i <= ticks; i++) {
            double value = y[0] + y[2] * i;
            line(svg, c.x(0) - 5, c.y(value), c.x(0), c.y(value), "black");
            line(svg, c.x(0), c.y(value), c.x(c.xMax()), c.y(value), "#e0e0e0");
            text(svg, c.x(0) - 8, c.y(value) + 4, "end", "black", String.format(Locale.ROOT, y[2] < 0.01 ? "%.3f"
                    : "%.2f", value));
        }
    }

    private static void series(StringBuilder svg, Canvas c, List<LearningCurve.Point> points, String metric,
                               String colour, int index) {
        StringBuilder path = new StringBuilder();
        for (LearningCurve.Point p : points) {
            path.append(String.format(Locale.ROOT, "%.1f,%.1f ", c.x(p.trainSize()), c.y(p.metrics().get(metric))));
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                colour, path.toString().trim()));
        for (LearningCurve.Point p : points) {
            double value = p.metrics().get(metric);
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %.4f "
                    + "at %d examples</title></circle>%n", c.x(p.trainSize()), c.y(value), colour, escape(metric), value,
                    p.trainSize()));
        }
        double legendY = TOP + 20 * index;
        line(svg, WIDTH - RIGHT + 20, legendY, WIDTH - RIGHT + 45, legendY, colour);
        text(svg, WIDTH - RIGHT + 50, legendY + 4, "start", "black", metric);
    }

    /**
     * The value labels, in their series' colours with a white halo over the lines: at each point the highest value's label goes above its dot, and
     * each lower one above its dot too unless that dot is within {@value #LABEL_GAP} px of the one above, then below.
     */
    private static void labels(StringBuilder svg, Canvas c, List<LearningCurve.Point> points, List<String> metrics) {
        for (LearningCurve.Point p : points) {
            List<Integer> order = new ArrayList<>();
            for (int m = 0; m < metrics.size(); m++) {
                order.add(m);
            }
            order.sort(java.util.Comparator.comparingDouble(m -> c.y(p.metrics().get(metrics.get(m)))));
            double previous = Double.NEGATIVE_INFINITY;
            for (int m : order) {
                double value = p.metrics().get(metrics.get(m));
                double y = c.y(value);
                double labelY = y - previous < LABEL_GAP ? y + 17 : y - 9;
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\" "
                        + "stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">%.3f</text>%n", c.x(p.trainSize()),
                        labelY, COLOURS[m % COLOURS.length], value));
                previous = labelY > y ? labelY + 4 : y;
            }
        }
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String colour) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, colour));
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String colour, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
                x, y, anchor, colour, escape(text)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
