/** Build-time switches (Vite exposes WXT_-prefixed environment variables to the code). */
interface ImportMetaEnv {
  /** "1" in the benchmark's build: adds the hooks `npm run bench` reads. */
  readonly WXT_BENCH?: string;
}
