-- Why a load stopped or was refused (LoadReport.error), kept with its report for the loads query.
ALTER TABLE load_report ADD COLUMN error text;
