-- The registry search box also finds a senior by the pinyin initials of their name (王秀英: wxy).
-- Written by the platform with each name (NameInitials: pinyin needs a dictionary the database
-- does not have); rows from before this column are filled in at start (NameInitialsBackfill).
alter table seniors add column name_initials text;
