import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { ROSTER_IMPORT_MAX_BYTES } from '@village/shared';
import { catchError, Observable, throwError } from 'rxjs';
import { RosterErrorCode, RosterException } from './roster.exception';

/** Multer's upload errors (too large, wrong field) in the roster's words; placed outside FileInterceptor. */
@Injectable()
export class RosterUploadErrors implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException) {
          return throwError(
            () =>
              new RosterException(
                RosterErrorCode.ImportFileTooLarge,
                `文件太大了：花名册文件不能超过 ${ROSTER_IMPORT_MAX_BYTES / 1024 / 1024} MB。请删掉图片和多余的工作表，或分成几个文件导入。`,
              ),
          );
        }
        if (error instanceof BadRequestException) {
          return throwError(
            () => new RosterException(RosterErrorCode.ImportFileMissing, '一次只能上传一个花名册文件，表单字段名为 file（multipart/form-data）'),
          );
        }
        return throwError(() => error);
      }),
    );
  }
}

/** What FileInterceptor hands the controller (kept in memory: rosters are small). */
export interface UploadedRosterFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}
