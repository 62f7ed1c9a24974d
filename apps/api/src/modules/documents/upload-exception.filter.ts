import type { IncomingMessage, ServerResponse } from 'node:http';
import { ArgumentsHost, Catch } from '@nestjs/common';
import { AppException } from '../../common/errors/app.exception.js';
import { AppExceptionFilter } from '../../common/errors/app-exception.filter.js';

/** How long an answered upload's remaining body is read and discarded before the connection is cut. */
const LINGER_MS = 2000;

/**
 * Answers upload errors like every HTTP route (AppExceptionFilter), and when the request body has
 * not been read to its end (an early rejection: too large, wrong type, no access), closes the
 * connection after the answer instead of reading the rest: the remaining bytes are discarded for a
 * short while, so the client can read the answer, and then the socket is closed.
 */
@Catch(AppException)
export class UploadExceptionFilter extends AppExceptionFilter {
  override catch(exception: AppException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<IncomingMessage>();
    const res = http.getResponse<ServerResponse>();
    if (!req.complete && !res.headersSent) {
      res.setHeader('Connection', 'close');
      res.once('finish', () => lingerThenClose(req));
    }
    super.catch(exception, host);
  }
}

function lingerThenClose(req: IncomingMessage): void {
  const socket = req.socket;
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  req.on('data', () => undefined);
  req.resume();
}
