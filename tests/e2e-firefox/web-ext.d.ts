// web-ext ships no types; this is the part of its Node API the Firefox suite uses.
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(
        options: { sourceDir: string; output?: 'json' | 'text' | 'none'; selfHosted?: boolean; boring?: boolean },
        context?: { shouldExitProgram?: boolean },
      ): Promise<unknown>;
    };
  };
  export default webExt;
}
