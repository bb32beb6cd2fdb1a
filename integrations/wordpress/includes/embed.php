<?php
/**
 * The [iwy_agent] shortcode and the iwy-agent/agent block: both render one <iwy-agent> tag.
 *
 * @package IwyAgent
 */

namespace IwyAgent;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Renders the element and loads the widget script as an ES module. */
final class Embed {
	const HANDLE       = 'iwy-agent';
	const MODES        = array( 'floating', 'inline' );
	const LANG_PATTERN = '/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/iD';

	public static function register(): void {
		$src = plugins_url( 'assets/iwy-agent.js', IWY_AGENT_FILE );
		// No version query: the lazy chunks import the entry by its bare URL, and a second URL
		// (iwy-agent.js?ver=…) would load the element a second time.
		if ( function_exists( 'wp_register_script_module' ) ) {
			wp_register_script_module( self::HANDLE, $src, array(), null );
		} else {
			// WordPress < 6.5 has no script modules: a classic handle printed as type="module".
			wp_register_script( self::HANDLE, $src, array(), null, array( 'in_footer' => true ) );
			add_filter( 'script_loader_tag', array( self::class, 'module_tag' ), 10, 2 );
		}
		add_shortcode( 'iwy_agent', array( self::class, 'shortcode' ) );
		register_block_type( IWY_AGENT_DIR . '/block', array( 'render_callback' => array( self::class, 'render_block' ) ) );
	}

	/** script_loader_tag filter: our handle becomes a module script. */
	public static function module_tag( string $tag, string $handle ): string {
		if ( self::HANDLE !== $handle ) {
			return $tag;
		}
		$tag = preg_replace( '/\stype=(["\'])[^"\']*\1/', '', $tag );
		return str_replace( '<script ', '<script type="module" ', $tag );
	}

	/**
	 * [iwy_agent agent_id="…" mode="floating|inline" lang="…"]
	 *
	 * @param array|string $atts Shortcode attributes ('' when none are given).
	 */
	public static function shortcode( $atts ): string {
		$atts = shortcode_atts(
			array(
				'agent_id' => '',
				'mode'     => '',
				'lang'     => '',
			),
			is_array( $atts ) ? $atts : array(),
			'iwy_agent'
		);
		return self::render( (string) $atts['agent_id'], (string) $atts['mode'], (string) $atts['lang'] );
	}

	/** Block render_callback: the same markup inside the block's wrapper. */
	public static function render_block( array $attributes ): string {
		$html = self::render( (string) ( $attributes['agentId'] ?? '' ), (string) ( $attributes['mode'] ?? '' ), (string) ( $attributes['lang'] ?? '' ) );
		return '' === $html ? '' : '<div ' . get_block_wrapper_attributes() . '>' . $html . '</div>';
	}

	/**
	 * Only values that pass validation reach the tag, and each is escaped for its attribute.
	 * Editors see why nothing renders; visitors see nothing.
	 */
	public static function render( string $agent_id, string $mode, string $lang ): string {
		$agent_id = strtolower( trim( $agent_id ) );
		if ( '' === $agent_id ) {
			$agent_id = Settings::get()['default_agent'];
		}
		if ( ! Settings::is_agent_id( $agent_id ) ) {
			return self::notice( __( 'iwy Agent: give the shortcode or block a valid agent id, or set a default agent under Settings → iwy Agent.', 'iwy-agent' ) );
		}
		self::enqueue();

		$attrs = array(
			'agent-id'    => esc_attr( $agent_id ),
			'session-url' => esc_url( rest_url( SessionRoute::NAMESPACE . SessionRoute::ROUTE ) ),
		);
		if ( in_array( $mode, self::MODES, true ) ) {
			$attrs['mode'] = esc_attr( $mode );
		}
		if ( 1 === preg_match( self::LANG_PATTERN, $lang ) ) {
			$attrs['lang'] = esc_attr( $lang );
		}
		$html = '<iwy-agent';
		foreach ( $attrs as $name => $value ) {
			$html .= ' ' . $name . '="' . $value . '"';
		}
		$html .= '></iwy-agent>';

		if ( ! in_array( $agent_id, Settings::allowed_agents(), true ) ) {
			$html .= self::notice( __( 'iwy Agent: this agent is not in the allowed agents under Settings → iwy Agent, so visitors cannot start it.', 'iwy-agent' ) );
		}
		return $html;
	}

	private static function enqueue(): void {
		if ( function_exists( 'wp_enqueue_script_module' ) ) {
			wp_enqueue_script_module( self::HANDLE );
		} else {
			wp_enqueue_script( self::HANDLE );
		}
	}

	private static function notice( string $text ): string {
		return current_user_can( 'edit_posts' ) ? '<p class="iwy-agent-notice">' . esc_html( $text ) . '</p>' : '';
	}
}
