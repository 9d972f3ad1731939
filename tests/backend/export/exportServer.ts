/** Runs an export handler behind a real HTTP server on loopback and downloads its answer. */
import { createServer, get, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as ExcelJS from 'exceljs';

export interface Download {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export async function download(handler: (res: ServerResponse) => Promise<void>): Promise<Download> {
  let handled: Promise<void> = Promise.resolve();
  const server = createServer((_req, res) => {
    handled = handler(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const result = await new Promise<Download>((resolve, reject) => {
      get(`http://127.0.0.1:${port}/`, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) })
        );
        response.on('error', reject);
      }).on('error', reject);
    });
    await handled;
    return result;
  } finally {
    server.close();
  }
}

export async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its argument as an ArrayBuffer-like Buffer of older @types/node.
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}
