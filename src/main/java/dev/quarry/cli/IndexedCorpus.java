package dev.quarry.cli;

import dev.quarry.streams.CorpusIndex;
import dev.quarry.terms.CorpusStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.ObjLongConsumer;

/** A {@link CorpusIndex} seen as the {@link CorpusStatistics} that {@code terms} asks for. */
record IndexedCorpus(CorpusIndex index) implements CorpusStatistics {

    @Override
    public void forEachWord(ObjLongConsumer<String> sink) {
        try {
            index.forEachWord(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void forEachNgram(ObjLongConsumer<String> sink) {
        try {
            index.forEachNgram(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> example(List<String> words) {
        try {
            return index.example(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
