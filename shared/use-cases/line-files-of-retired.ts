import type { DatasetStore } from '../ports/dataset-store.ts';
import type { LineFiles } from '../ports/line-files.ts';

/**
 * The dataset store, whose `retire` also removes the retired dataset's line files: a dataset taken
 * out of the count (superseded by a newer upload, retired as a copy) must not stay in the lines that
 * Athena queries read (docs/athena.md). A retry that finds it already retired removes nothing more.
 */
export function removingLineFilesOnRetire(datasets: DatasetStore, lineFiles: LineFiles): DatasetStore {
  return {
    ...datasets,
    async retire(datasetId, retirement, now) {
      const retired = await datasets.retire(datasetId, retirement, now);
      if (!retired) return false;
      const record = await datasets.getDataset(datasetId);
      if (record?.kind)
        await lineFiles.remove({ id: record.id, anchorId: record.anchorId, kind: record.kind });
      return true;
    },
  };
}
