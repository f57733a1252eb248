import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NoticeStore } from './notice.store';

/** Notice reads outside a unit of work; writes go through `new NoticeStore(work.manager)`. */
@Injectable()
export class NoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  store(): NoticeStore {
    return new NoticeStore(this.dataSource.manager);
  }
}
