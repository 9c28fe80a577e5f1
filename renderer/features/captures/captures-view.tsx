import { CaptureDetail } from './capture-detail.js';
import { CaptureFilterBar } from './capture-filter-bar.js';
import { CaptureList } from './capture-list.js';

export function CapturesView() {
  return (
    <div className="split">
      <section className="list-pane" aria-label="Captures">
        <CaptureFilterBar />
        <CaptureList />
      </section>
      <section className="detail-pane" aria-label="Capture detail">
        <CaptureDetail />
      </section>
    </div>
  );
}
