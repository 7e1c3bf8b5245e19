//! The memory allocator of the binaries: jemalloc, as rustc uses on Linux.
//!
//! A build allocates and frees millions of small strings, vectors and maps
//! from every core. Measured with `technote bench` on 10,000 pages (2 cores):
//! glibc's allocator 1,044 ms and 86 MiB at peak, jemalloc with one arena
//! per CPU 918 ms and 94 MiB. jemalloc's default of four arenas per CPU was
//! no faster and held more memory.

#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc reads its options from this symbol (prefixed, as
/// tikv-jemallocator builds it): a thin pointer to a C string.
#[cfg(target_os = "linux")]
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &[u8; 20] = b"percpu_arena:percpu\0";
