-- Several districts in one installation: a safety-dialogue cycle belongs to one district
-- (one cycle a year per district). Existing cycles take the district of their meetings' streets.
ALTER TABLE dialogue_cycles ADD COLUMN district_code VARCHAR(12);
UPDATE dialogue_cycles SET district_code = (
    SELECT MIN(SUBSTRING(m.street_code, 1, 6)) || '000000' FROM dialogue_meetings m WHERE m.cycle_no = dialogue_cycles.cycle_no);
