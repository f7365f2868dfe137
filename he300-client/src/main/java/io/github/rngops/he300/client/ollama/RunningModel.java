package io.github.rngops.he300.client.ollama;

/** A model loaded in memory ({@code GET /api/ps}); sizes in bytes. */
public record RunningModel(String name, String model, Long size, Long sizeVram, String digest, String expiresAt,
                           ModelDetails details) {

    /** {@return whether all of it is in GPU memory ({@code size_vram == size})} */
    public boolean fullyOnGpu() {
        return size != null && size.equals(sizeVram);
    }
}
