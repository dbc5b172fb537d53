package dev.quarry.patterns;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void labelsAreInternedThroughGrowth() {
        Labels labels = new Labels();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            char[] chars = ("L" + i).toCharArray();
            first.add(labels.intern(chars, 0, chars.length));
        }
        for (int i = 0; i < 1000; i++) {
            char[] chars = ("xxL" + i + "yy").toCharArray();
            assertSame(first.get(i), labels.intern(chars, 2, chars.length - 4));
        }
    }
}
