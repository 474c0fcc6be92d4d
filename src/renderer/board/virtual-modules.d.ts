/** Built by the `nation-flags` plugin (electron.vite.config.ts): IOC code -> lazy SVG flag markup. */
declare module 'virtual:nation-flags' {
  export const flagLoaders: Readonly<Record<string, () => Promise<string>>>;
}
