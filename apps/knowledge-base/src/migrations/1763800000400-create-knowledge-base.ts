import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The help center: categories → sections → articles, their translations with a searchable form,
 * the curated top resources, view counters, votes and the suggestions shown for deflection.
 */
export class CreateKnowledgeBase1763800000400 implements MigrationInterface {
  name = 'CreateKnowledgeBase1763800000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE kb_category (
        id CHAR(36) NOT NULL,
        slug VARCHAR(100) NOT NULL,
        position INT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_kb_category_slug (slug)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE kb_category_translation (
        category_id CHAR(36) NOT NULL,
        locale VARCHAR(8) NOT NULL,
        title VARCHAR(200) NOT NULL,
        description TEXT NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (category_id, locale),
        CONSTRAINT fk_kb_category_translation FOREIGN KEY (category_id) REFERENCES kb_category (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE kb_section (
        id CHAR(36) NOT NULL,
        category_id CHAR(36) NOT NULL,
        slug VARCHAR(100) NOT NULL,
        position INT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_kb_section_slug (category_id, slug),
        CONSTRAINT fk_kb_section_category FOREIGN KEY (category_id) REFERENCES kb_category (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE kb_section_translation (
        section_id CHAR(36) NOT NULL,
        locale VARCHAR(8) NOT NULL,
        title VARCHAR(200) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (section_id, locale),
        CONSTRAINT fk_kb_section_translation FOREIGN KEY (section_id) REFERENCES kb_section (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE kb_article (
        id CHAR(36) NOT NULL,
        slug VARCHAR(120) NOT NULL,
        section_id CHAR(36) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        audience VARCHAR(24) NOT NULL,
        video_url VARCHAR(2048) NULL,
        error_codes JSON NOT NULL,
        released_on DATE NULL,
        status VARCHAR(16) NOT NULL,
        version INT NOT NULL,
        published_at DATETIME(3) NULL,
        helpful_votes INT NOT NULL DEFAULT 0,
        not_helpful_votes INT NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_kb_article_slug (slug),
        KEY idx_kb_article_listing (status, updated_at, id),
        KEY idx_kb_article_section (section_id),
        CONSTRAINT fk_kb_article_section FOREIGN KEY (section_id) REFERENCES kb_section (id)
      ) ${TABLE_OPTIONS}`);
    // InnoDB fixes an index's stopword list when the index is created. Its built-in list drops
    // words readers do search for ("will", "about", "www"), and filler words are already left out
    // of queries by the domain library, so these indexes are built without one.
    await queryRunner.query('SET SESSION innodb_ft_enable_stopword = OFF');
    try {
      await queryRunner.query(`
        CREATE TABLE kb_article_translation (
          article_id CHAR(36) NOT NULL,
          locale VARCHAR(8) NOT NULL,
          title VARCHAR(200) NOT NULL,
          body MEDIUMTEXT NOT NULL,
          search_title TEXT NOT NULL,
          search_body MEDIUMTEXT NOT NULL,
          created_at DATETIME(3) NOT NULL,
          updated_at DATETIME(3) NOT NULL,
          PRIMARY KEY (article_id, locale),
          KEY idx_kb_article_translation_locale (locale),
          FULLTEXT KEY ft_kb_translation_title (search_title),
          FULLTEXT KEY ft_kb_translation_body (search_body),
          FULLTEXT KEY ft_kb_translation_all (search_title, search_body),
          CONSTRAINT fk_kb_article_translation FOREIGN KEY (article_id) REFERENCES kb_article (id) ON DELETE CASCADE
        ) ${TABLE_OPTIONS}`);
    } finally {
      await queryRunner.query('SET SESSION innodb_ft_enable_stopword = DEFAULT');
    }
    await queryRunner.query(`
      CREATE TABLE kb_top_resource (
        locale VARCHAR(8) NOT NULL,
        position TINYINT UNSIGNED NOT NULL,
        article_id CHAR(36) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (locale, position),
        UNIQUE KEY uq_kb_top_resource_article (locale, article_id),
        CONSTRAINT fk_kb_top_resource_article FOREIGN KEY (article_id) REFERENCES kb_article (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE kb_article_view_count (
        article_id CHAR(36) NOT NULL,
        day DATE NOT NULL,
        requested_locale VARCHAR(8) NOT NULL,
        served_locale VARCHAR(8) NOT NULL,
        views INT UNSIGNED NOT NULL,
        PRIMARY KEY (article_id, day, requested_locale, served_locale),
        KEY idx_kb_view_count_day (day),
        CONSTRAINT fk_kb_view_count_article FOREIGN KEY (article_id) REFERENCES kb_article (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE kb_article_vote (
        article_id CHAR(36) NOT NULL,
        user_id VARCHAR(128) NOT NULL,
        helpful TINYINT(1) NOT NULL,
        locale VARCHAR(8) NOT NULL,
        voted_at DATETIME(3) NOT NULL,
        PRIMARY KEY (article_id, user_id),
        CONSTRAINT fk_kb_article_vote_article FOREIGN KEY (article_id) REFERENCES kb_article (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE kb_suggestion (
        id CHAR(36) NOT NULL,
        channel VARCHAR(16) NOT NULL,
        ticket_id VARCHAR(64) NULL,
        requester_id VARCHAR(128) NULL,
        locale VARCHAR(8) NOT NULL,
        search_terms VARCHAR(500) NOT NULL,
        answered_article_id CHAR(36) NULL,
        answered_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_kb_suggestion_ticket (ticket_id),
        KEY idx_kb_suggestion_created (created_at),
        KEY idx_kb_suggestion_answered (answered_article_id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE kb_suggestion_item (
        suggestion_id CHAR(36) NOT NULL,
        position TINYINT UNSIGNED NOT NULL,
        article_id CHAR(36) NOT NULL,
        served_locale VARCHAR(8) NOT NULL,
        score DOUBLE NOT NULL,
        PRIMARY KEY (suggestion_id, position),
        KEY idx_kb_suggestion_item_article (article_id),
        CONSTRAINT fk_kb_suggestion_item_suggestion FOREIGN KEY (suggestion_id) REFERENCES kb_suggestion (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'kb_suggestion_item',
      'kb_suggestion',
      'kb_article_vote',
      'kb_article_view_count',
      'kb_top_resource',
      'kb_article_translation',
      'kb_article',
      'kb_section_translation',
      'kb_section',
      'kb_category_translation',
      'kb_category',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
