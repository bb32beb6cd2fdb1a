<?php
/**
 * Settings → iwy Agent: the API key, base URL, default and allowed agents, rate limit.
 *
 * @package IwyAgent
 */

namespace IwyAgent;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Reads and edits the plugin's options. The API key is write-only from the browser's side. */
final class Settings {
	const OPTION           = 'iwy_agent_settings';
	const KEY_OPTION       = 'iwy_agent_api_key';
	const GROUP            = 'iwy_agent';
	const PAGE             = 'iwy-agent';
	const DEFAULT_BASE_URL = 'https://api.iwy.ai/v1';
	const AGENT_ID_PATTERN = '/^(?:demo|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/iD';

	/** @return array{base_url: string, default_agent: string, allowed_agents: string[], rate_limit: int} */
	public static function get(): array {
		$stored = get_option( self::OPTION, array() );
		return array_merge(
			array(
				'base_url'       => self::DEFAULT_BASE_URL,
				'default_agent'  => '',
				'allowed_agents' => array(),
				'rate_limit'     => 10,
			),
			is_array( $stored ) ? $stored : array()
		);
	}

	/** The key from wp-config.php (IWY_AGENT_API_KEY) wins over the stored option. */
	public static function api_key(): string {
		if ( defined( 'IWY_AGENT_API_KEY' ) ) {
			return (string) constant( 'IWY_AGENT_API_KEY' );
		}
		$key = get_option( self::KEY_OPTION, '' );
		return is_string( $key ) ? $key : '';
	}

	/** @param mixed $value */
	public static function is_agent_id( $value ): bool {
		return is_string( $value ) && 1 === preg_match( self::AGENT_ID_PATTERN, $value );
	}

	/** Agents visitors may start: the allowed list plus the default agent, lower-cased. */
	public static function allowed_agents(): array {
		$settings = self::get();
		$ids      = array_merge( (array) $settings['allowed_agents'], array( $settings['default_agent'] ) );
		return array_values( array_unique( array_map( 'strtolower', array_filter( $ids, array( self::class, 'is_agent_id' ) ) ) ) );
	}

	/** Keeps the key out of the autoloaded options that every page load reads. */
	public static function activate(): void {
		add_option( self::KEY_OPTION, '', '', false );
	}

	public static function register(): void {
		register_setting(
			self::GROUP,
			self::OPTION,
			array(
				'type'              => 'object',
				'sanitize_callback' => array( self::class, 'sanitize' ),
				'show_in_rest'      => false,
			)
		);
		register_setting(
			self::GROUP,
			self::KEY_OPTION,
			array(
				'type'              => 'string',
				'sanitize_callback' => array( self::class, 'sanitize_key' ),
				'show_in_rest'      => false,
			)
		);
	}

	public static function add_page(): void {
		add_options_page( __( 'iwy Agent', 'iwy-agent' ), __( 'iwy Agent', 'iwy-agent' ), 'manage_options', self::PAGE, array( self::class, 'render_page' ) );
	}

	/**
	 * @param mixed $input Posted iwy_agent_settings.
	 */
	public static function sanitize( $input ): array {
		$input   = is_array( $input ) ? $input : array();
		$current = self::get();

		$base_url = self::sanitize_base_url( (string) ( $input['base_url'] ?? '' ) );
		if ( null === $base_url ) {
			add_settings_error( self::OPTION, 'base_url', __( 'The base URL must be an https URL (http only on localhost). The previous value was kept.', 'iwy-agent' ) );
			$base_url = $current['base_url'];
		}

		$default_agent = strtolower( trim( (string) ( $input['default_agent'] ?? '' ) ) );
		if ( '' !== $default_agent && ! self::is_agent_id( $default_agent ) ) {
			add_settings_error( self::OPTION, 'default_agent', __( 'The default agent must be an agent id (a UUID) or "demo".', 'iwy-agent' ) );
			$default_agent = $current['default_agent'];
		}

		// A string from the form; an array when WordPress sanitizes an already-sanitized value again.
		$raw     = $input['allowed_agents'] ?? '';
		$raw     = is_array( $raw ) ? implode( "\n", $raw ) : (string) $raw;
		$listed  = preg_split( '/[\s,]+/', strtolower( $raw ), -1, PREG_SPLIT_NO_EMPTY );
		$allowed = array_values( array_unique( array_filter( $listed, array( self::class, 'is_agent_id' ) ) ) );
		if ( count( $allowed ) !== count( array_unique( $listed ) ) ) {
			add_settings_error( self::OPTION, 'allowed_agents', __( 'Entries that are not agent ids were dropped from the allowed agents.', 'iwy-agent' ) );
		}

		return array(
			'base_url'       => $base_url,
			'default_agent'  => $default_agent,
			'allowed_agents' => $allowed,
			'rate_limit'     => max( 1, min( 1000, (int) ( $input['rate_limit'] ?? 10 ) ) ),
		);
	}

	/** An https URL without a trailing slash, http only for the local simulator; null if unusable. */
	private static function sanitize_base_url( string $raw ): ?string {
		$url   = esc_url_raw( trim( $raw ), array( 'https', 'http' ) );
		$parts = wp_parse_url( $url );
		if ( '' === $url || ! is_array( $parts ) || empty( $parts['host'] ) ) {
			return null;
		}
		$loopback = in_array( strtolower( $parts['host'] ), array( 'localhost', '127.0.0.1', '[::1]' ), true );
		if ( 'https' !== $parts['scheme'] && ! $loopback ) {
			return null;
		}
		return rtrim( $url, '/' );
	}

	/**
	 * The key field is always rendered empty, so an empty post keeps the stored key; the
	 * "remove" box clears it.
	 *
	 * @param mixed $input Posted iwy_agent_api_key.
	 */
	public static function sanitize_key( $input ): string {
		// options.php has checked the settings nonce before any sanitize callback runs.
		if ( ! empty( $_POST['iwy_agent_clear_key'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification.Missing
			return '';
		}
		$key = is_string( $input ) ? trim( $input ) : '';
		if ( '' === $key ) {
			$stored = get_option( self::KEY_OPTION, '' );
			return is_string( $stored ) ? $stored : '';
		}
		return $key;
	}

	/** "not set", or "set, ending in …abcd" (the tail only for keys long enough to spare it). */
	public static function key_hint(): string {
		$key = self::api_key();
		if ( '' === $key ) {
			return __( 'not set', 'iwy-agent' );
		}
		if ( strlen( $key ) < 16 ) {
			return __( 'set', 'iwy-agent' );
		}
		/* translators: %s: the last four characters of the API key. */
		return sprintf( __( 'set, ending in …%s', 'iwy-agent' ), substr( $key, -4 ) );
	}

	public static function render_page(): void {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$s    = self::get();
		$name = self::OPTION;
		echo '<div class="wrap"><h1>' . esc_html__( 'iwy Agent', 'iwy-agent' ) . '</h1>';
		echo '<form method="post" action="options.php">';
		settings_fields( self::GROUP );
		echo '<table class="form-table" role="presentation">';

		echo '<tr><th scope="row"><label for="iwy-agent-key">' . esc_html__( 'API key', 'iwy-agent' ) . '</label></th><td>';
		if ( defined( 'IWY_AGENT_API_KEY' ) ) {
			echo '<p>' . esc_html__( 'Defined in wp-config.php (IWY_AGENT_API_KEY):', 'iwy-agent' ) . ' ' . esc_html( self::key_hint() ) . '</p>';
		} else {
			echo '<input type="password" id="iwy-agent-key" name="' . esc_attr( self::KEY_OPTION ) . '" value="" class="regular-text" autocomplete="new-password" spellcheck="false">';
			echo '<p class="description">' . esc_html__( 'Status:', 'iwy-agent' ) . ' ' . esc_html( self::key_hint() ) . '. ' . esc_html__( 'Leave empty to keep the current key. It is never shown again.', 'iwy-agent' ) . '</p>';
			echo '<label><input type="checkbox" name="iwy_agent_clear_key" value="1"> ' . esc_html__( 'Remove the stored key', 'iwy-agent' ) . '</label>';
		}
		echo '</td></tr>';

		self::row( 'iwy-agent-base-url', __( 'API base URL', 'iwy-agent' ), '<input type="url" id="iwy-agent-base-url" name="' . esc_attr( $name ) . '[base_url]" value="' . esc_attr( $s['base_url'] ) . '" class="regular-text">', __( 'https://api.iwy.ai/v1, or the local simulator while developing.', 'iwy-agent' ) );
		self::row( 'iwy-agent-default', __( 'Default agent id', 'iwy-agent' ), '<input type="text" id="iwy-agent-default" name="' . esc_attr( $name ) . '[default_agent]" value="' . esc_attr( $s['default_agent'] ) . '" class="regular-text" spellcheck="false">', __( 'Used when a shortcode or block names no agent. Always allowed.', 'iwy-agent' ) );
		self::row( 'iwy-agent-allowed', __( 'Allowed agents', 'iwy-agent' ), '<textarea id="iwy-agent-allowed" name="' . esc_attr( $name ) . '[allowed_agents]" rows="4" class="large-text code" spellcheck="false">' . esc_textarea( implode( "\n", (array) $s['allowed_agents'] ) ) . '</textarea>', __( 'One agent id per line. Visitors can start only these and the default agent.', 'iwy-agent' ) );
		self::row( 'iwy-agent-rate', __( 'Sessions per visitor per minute', 'iwy-agent' ), '<input type="number" id="iwy-agent-rate" name="' . esc_attr( $name ) . '[rate_limit]" value="' . esc_attr( (string) $s['rate_limit'] ) . '" min="1" max="1000" class="small-text">', __( 'Counted per IP address.', 'iwy-agent' ) );

		echo '</table>';
		submit_button();
		echo '</form></div>';
	}

	/** One form-table row; $control is already escaped HTML. */
	private static function row( string $id, string $label, string $control, string $help ): void {
		echo '<tr><th scope="row"><label for="' . esc_attr( $id ) . '">' . esc_html( $label ) . '</label></th><td>';
		echo $control; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built from escaped parts above.
		echo '<p class="description">' . esc_html( $help ) . '</p></td></tr>';
	}
}
