package io.github.rngops.he300.provision.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an image that is not published is built from: a Git repository at a pinned commit and the directory
 * holding its Dockerfile. Docker builds it on the host from {@link #context()}, a Git build context
 * ({@code https://github.com/<owner>/<repo>.git#<commit>:<dir>}), so the host fetches exactly that commit.
 *
 * @param repository an {@code https://} URL ending in {@code .git}
 * @param commit the full 40-hex commit
 * @param dir the build directory inside the repository ({@code engine}); empty for the root
 */
public record GitSource(String repository, String commit, String dir) {
    static final Pattern REPOSITORY = Pattern.compile("https://[A-Za-z0-9.-]+(/[A-Za-z0-9._-]+)+\\.git");
    static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    static final Pattern DIR = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*)?");

    /**
     * Checks the shape of each component, so that nothing but a Git URL, a commit and a path reaches Docker.
     *
     * @param repository an {@code https://} URL ending in {@code .git}
     * @param commit the full 40-hex commit, lower case
     * @param dir the build directory inside the repository, relative and without {@code ..}; empty for the root
     * @throws IllegalArgumentException naming the component that does not fit and its value
     */
    public GitSource {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(dir, "dir");
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("repository must be an https:// URL ending in .git, was " + repository);
        }
        if (!COMMIT.matcher(commit).matches()) {
            throw new IllegalArgumentException("commit must be 40 lower-case hex digits, was " + commit);
        }
        if (!DIR.matcher(dir).matches()) {
            throw new IllegalArgumentException("dir must be a relative path without '..', was " + dir);
        }
    }

    /** {@return the Git build context Docker fetches: {@code <repository>#<commit>:<dir>}} */
    public String context() {
        return repository + "#" + commit + (dir.isEmpty() ? "" : ":" + dir);
    }

    /** {@return the first 7 hex digits, as GitHub and the image tags show a commit} */
    public String shortCommit() {
        return commit.substring(0, 7);
    }
}
