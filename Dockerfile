# technote in a container: `docker build -t technote .`, then, from a project
# folder, `docker run --rm -v "$PWD:/site" technote build` (or `check`).

# Build: the toolchain of rust-toolchain.toml, with the wasm32 target the
# in-page checker is compiled to.
FROM rust:1.95.0-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN rustup target add wasm32-unknown-unknown \
    && cargo build --release --locked --package technote \
    && cp target/release/technote /usr/local/bin/technote

# Run: glibc and nothing else (no shell, no package manager), as a user
# without privileges. The binary carries the theme and the checker.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /usr/local/bin/technote /usr/local/bin/technote
WORKDIR /site
# 65532 is the `nonroot` user of distroless images.
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/technote"]
CMD ["--help"]
