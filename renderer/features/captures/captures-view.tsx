import { SplitPane } from '../../components/split-pane.js';
import { CaptureDetail } from './capture-detail.js';
import { CaptureFilterBar } from './capture-filter-bar.js';
import { CaptureList } from './capture-list.js';
import { CaptureListToolbar } from '../replay/list-toolbar.js';

export function CapturesView() {
  return (
    <SplitPane
      id="captures"
      leftLabel="Captures"
      rightLabel="Capture detail"
      left={
        <>
          <CaptureFilterBar />
          <CaptureListToolbar />
          <CaptureList />
        </>
      }
      right={<CaptureDetail />}
    />
  );
}
