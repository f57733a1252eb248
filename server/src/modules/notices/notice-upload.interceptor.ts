import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { NoticeAttachmentsService } from './notice-attachments.service';
import { NoticeErrorCode, NoticeException } from './notices.exception';

/** Multer's upload errors (too large, wrong field, several files) in the notices' words; outside FileInterceptor. */
@Injectable()
export class NoticeUploadErrors implements NestInterceptor {
  constructor(private readonly attachments: NoticeAttachmentsService) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException) return throwError(() => this.attachments.tooLarge());
        if (error instanceof BadRequestException) {
          return throwError(
            () => new NoticeException(NoticeErrorCode.AttachmentMissing, '一次上传一个文件，表单字段名为 file（multipart/form-data）'),
          );
        }
        return throwError(() => error);
      }),
    );
  }
}
