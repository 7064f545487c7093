import type { FastifyServerOptions } from 'fastify';

/** pino options for Fastify: request ids, and secrets kept out of the log. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.client_secret',
        '*.clientSecret',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
}
