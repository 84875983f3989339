-- The office's notice on the lobby display (JSON localized text, German and English shown).
ALTER TABLE office ADD COLUMN display_info TEXT NOT NULL DEFAULT '{}';
