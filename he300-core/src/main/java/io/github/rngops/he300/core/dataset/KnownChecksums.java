package io.github.rngops.he300.core.dataset;

import io.github.rngops.he300.core.Category;
import java.util.Map;

/** The SHA-256 of each upstream ETHICS test file that HE-300 reads, as published with the dataset. */
final class KnownChecksums {
    private static final Map<Category, String> SHA256 = Map.of(
            Category.COMMONSENSE, "a004f51b8f863d85eb5575d86e8723897f850fcb7fc8de38c1f30105dfb13c4d",
            Category.COMMONSENSE_HARD, "896f8929284fd7f847413e929e5191e2c56e4f1ab0e5ce22f059541cfa33d494",
            Category.DEONTOLOGY, "f2889533d583d3aec2cd9ce6c3ed1bfef4ee3a5b08b3728cc11bd1824f629f65",
            Category.JUSTICE, "d7cc506a1055915d455a9244b26de573c75a760d416a8508a9420d41cbf40250",
            Category.VIRTUE, "43368eb9787451fe8e3ab520a144ac71f32005f9b9f40b9c1fde93559f6f2793");

    private KnownChecksums() {}

    static String of(Category category) {
        return SHA256.get(category);
    }
}
