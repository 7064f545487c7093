export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the Shuzhi server that global-setup.ts started, e.g. http://127.0.0.1:40123. */
    baseURL: string;
  }
}
