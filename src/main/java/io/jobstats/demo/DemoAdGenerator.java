package io.jobstats.demo;

import io.jobstats.reference.Taxonomy;
import io.jobstats.reference.Term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes realistic, reproducible ads as NDJSON: volumes weighted by region and growing over the months, a role per
 * ad with a salary that depends on role, seniority and region, descriptions naming the skills the role asks for.
 * The same seed gives the same ads, so demo figures and benchmarks can be repeated.
 */
public final class DemoAdGenerator {

    /** The reference page's role: the generator leaves it out, so its figures come from the reference ads alone. */
    public static final List<String> RESERVED_ROLES = List.of("Junior Backend Developer");

    /** Locations as adverts write them, with their share of ads. */
    private static final Object[][] LOCATIONS = {
            {"London", 24}, {"City of London", 4}, {"Canary Wharf, London", 2}, {"Manchester", 7}, {"Leeds", 4},
            {"Birmingham", 4}, {"Bristol", 4}, {"Edinburgh", 3}, {"Glasgow", 3}, {"Reading", 3}, {"Cambridge", 2},
            {"Oxford", 2}, {"Nottingham", 2}, {"Leicester", 1}, {"Coventry CV1", 1}, {"Derby", 1}, {"Solihull", 1},
            {"Newcastle upon Tyne", 2}, {"Sheffield", 2}, {"Liverpool", 2}, {"Cardiff", 2}, {"Belfast", 2},
            {"Milton Keynes", 2}, {"Southampton", 1}, {"Brighton", 1}, {"Norwich", 1}, {"Northampton", 1}, {"Lincoln", 1},
            {"Stoke-on-Trent", 1}, {"Wolverhampton", 1}, {"Worcester", 1}, {"Telford", 1}, {"York", 1}, {"Exeter", 1},
            {"Guildford", 1}, {"Swindon", 1}, {"Remote (UK)", 5}, {"Hybrid - Birmingham", 1}, {"UK wide", 1},
            {"Leamington Spa", 1}, {"Loughborough", 1}, {"Aberdeen", 1}, {"Swansea", 1}};
    private static final String[] UNRECOGNISED_TITLES = {"Rockstar Ninja", "IT Person", "Technology Hero",
            "Digital Wizard", "Graduate Scheme 2025", "Various IT Roles"};
    private static final String[] SENTENCES = {"You will work with %s and %s.", "Experience of %s is essential; %s is a plus.",
            "Our stack: %s, %s.", "We value %s alongside %s.", "Knowledge of %s and %s would be great."};
    /** What ads say of where the work is done, from nothing (most) to each workplace's words (docs/metrics.md). */
    private static final String[] WORKPLACE_SENTENCES = {"", "", "", "", "", "This role is office-based. ",
            "Hybrid working: 2 days per week in the office. ", "You can work from home full time. ",
            "Three days a week on-site with the team. ", "Free parking on site. ", "Our office is onsite at the campus. "};

    private final Random random;
    private final List<Term> roles = new ArrayList<>();
    private final List<Term> skills = new ArrayList<>();
    private final int totalWeight;
    private final GazetteerPlaces places;
    private final int placesPercent;

    public DemoAdGenerator(Taxonomy taxonomy, long seed, List<String> excludedRoles) {
        this(taxonomy, seed, excludedRoles, null, 0);
    }

    /**
     * The same, with {@code placesPercent} of the ads at a town or village drawn from {@code places} instead of the
     * weighted list of cities; 0 gives exactly the ads of the constructor above.
     */
    public DemoAdGenerator(Taxonomy taxonomy, long seed, List<String> excludedRoles, GazetteerPlaces places,
            int placesPercent) {
        if (placesPercent < 0 || placesPercent > 100 || (placesPercent > 0 && places == null)) {
            throw new IllegalArgumentException("placesPercent must be 0-100, and above 0 needs places");
        }
        this.random = new Random(seed);
        this.places = places;
        this.placesPercent = placesPercent;
        for (Term t : taxonomy.terms()) {
            if (t.isRole()) {
                if (!excludedRoles.contains(t.name())) {
                    roles.add(t);
                }
            } else if (t.patterns().stream().noneMatch(Term.Pattern::caseSensitive)) {
                skills.add(t);
            }
        }
        int w = 0;
        for (Object[] l : LOCATIONS) {
            w += (int) l[1];
        }
        totalWeight = w;
    }

    /** Writes {@code count} ads posted between {@code from} and {@code to}, one JSON object per line. */
    public void write(Writer out, int count, LocalDate from, LocalDate to, int descriptionLength) {
        write(out, count, from, to, descriptionLength, 0, true);
    }

    /**
     * The same, their source ids numbered from {@code firstId}, so that several calls write one file of distinct ads;
     * {@code growing} puts more of them later in the range, else the days are equally likely.
     */
    public void write(Writer out, int count, LocalDate from, LocalDate to, int descriptionLength, int firstId, boolean growing) {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        StringBuilder line = new StringBuilder(descriptionLength + 600);
        try {
            for (int i = 0; i < count; i++) {
                // More ads later in the range: the market grows.
                double u = growing ? Math.sqrt(random.nextDouble()) : random.nextDouble();
                LocalDate posted = from.plusDays((long) (u * days) % days);
                line.setLength(0);
                ad(line, firstId + i, posted, descriptionLength);
                out.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ad(StringBuilder b, int i, LocalDate posted, int descriptionLength) {
        boolean contract = random.nextInt(100) < 22;
        Term role = roles.get(skewed(roles.size()));
        String title = random.nextInt(100) < 7 ? UNRECOGNISED_TITLES[random.nextInt(UNRECOGNISED_TITLES.length)]
                : decorate(role.name());
        String location = location();
        // Skills cluster by role: each role draws mostly from its own slice of the skill list.
        int base = Math.floorMod(role.name().hashCode(), skills.size());
        StringBuilder d = new StringBuilder(descriptionLength + 100);
        d.append("We are hiring a ").append(title).append(" to join a growing team. ");
        d.append(WORKPLACE_SENTENCES[random.nextInt(WORKPLACE_SENTENCES.length)]);
        while (d.length() < descriptionLength) {
            Term a = skills.get(Math.floorMod(base + (int) (random.nextGaussian() * 25), skills.size()));
            Term c = random.nextInt(4) == 0 ? skills.get(random.nextInt(skills.size()))
                    : skills.get(Math.floorMod(base + (int) (random.nextGaussian() * 25), skills.size()));
            d.append(String.format(SENTENCES[random.nextInt(SENTENCES.length)], a.name(), c.name())).append(' ');
            d.append("The team ships small changes often and reviews every one of them with care. ");
        }
        d.setLength(Math.min(d.length(), descriptionLength));
        b.append("{\"source\":\"demo\",\"sourceId\":\"demo-").append(i).append("\",\"title\":");
        json(b, title).append(",\"description\":");
        json(b, d.toString()).append(",\"location\":");
        json(b, location).append(",\"employment\":\"").append(contract ? "CONTRACT" : "PERMANENT")
                .append("\",\"postedOn\":\"").append(posted).append('"');
        if (random.nextInt(100) < 70) {
            b.append(",\"closesOn\":\"").append(posted.plusDays(14 + random.nextInt(50))).append('"');
        }
        int salaryKind = random.nextInt(100);
        double level = seniority(role.name()) * regional(location) * Math.exp(random.nextGaussian() * 0.15);
        if (salaryKind < 55) {
            double mid = contract ? 450 * level : 48_000 * level;
            double spread = contract ? 50 : 5_000;
            long min = Math.round((mid - spread) / (contract ? 5 : 250)) * (contract ? 5 : 250);
            long max = Math.round((mid + spread) / (contract ? 5 : 250)) * (contract ? 5 : 250);
            b.append(",\"salary\":{\"min\":").append(min).append(",\"max\":").append(max).append(",\"period\":\"")
                    .append(contract ? "DAY" : "YEAR").append("\",\"currency\":\"GBP\"}");
        } else if (salaryKind < 70) {
            String text = contract ? "£" + Math.round(450 * level / 10) * 10 + "/day"
                    : "£" + Math.round(45 * level) + "k - £" + Math.round(53 * level) + "k per annum";
            b.append(",\"salaryText\":");
            json(b, text);
        } else if (salaryKind < 73) {
            b.append(",\"salaryText\":\"Competitive\"");
        }
        b.append(",\"company\":\"Demo Employer ").append(random.nextInt(400)).append("\"}");
    }

    private String decorate(String role) {
        return switch (random.nextInt(10)) {
            case 0 -> role + " - Hybrid";
            case 1 -> role.replace("Senior ", "Snr ").replace("Junior ", "Jr. ");
            case 2 -> role + " (Remote)";
            default -> role;
        };
    }

    private String location() {
        // Only drawn when asked for, so that the cities' ads of a seed stay the same without places.
        if (placesPercent > 0 && random.nextInt(100) < placesPercent) {
            return places.draw(random);
        }
        int r = random.nextInt(totalWeight);
        for (Object[] l : LOCATIONS) {
            r -= (int) l[1];
            if (r < 0) {
                return (String) l[0];
            }
        }
        return "London";
    }

    /** Low indexes far more often: a few roles dominate any job market. */
    private int skewed(int n) {
        return Math.min(n - 1, (int) (n * Math.pow(random.nextDouble(), 2.2)));
    }

    private static double seniority(String role) {
        if (role.startsWith("Junior")) {
            return 0.6;
        }
        if (role.startsWith("Senior")) {
            return 1.3;
        }
        if (role.startsWith("Lead") || role.startsWith("Principal") || role.startsWith("Head") || role.startsWith("Chief")) {
            return 1.6;
        }
        return 1.0;
    }

    private static double regional(String location) {
        return location.contains("London") || location.contains("Canary") ? 1.25 : location.contains("Remote") ? 1.05 : 0.95;
    }

    private static StringBuilder json(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
