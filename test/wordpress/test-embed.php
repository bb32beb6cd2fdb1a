<?php
/**
 * The [iwy_agent] shortcode and the iwy-agent/agent block.
 */

use IwyAgent\Embed;

/** The whole output is one <iwy-agent> tag whose attribute values hold no quote or angle bracket. */
function assert_single_tag( string $html ): void {
	assert_true( 1 === preg_match( '/^<iwy-agent(?: [a-z-]+="[^"<>]*")+><\/iwy-agent>$/', $html ), "one clean tag: {$html}" );
}

function shortcode( array $atts ): string {
	return ( WP::$shortcodes['iwy_agent'] )( $atts, '', 'iwy_agent' );
}

test(
	'the shortcode renders the element with the session route and loads the script as a module',
	static function (): void {
		configure_site();
		$html = shortcode( array( 'agent_id' => OTHER_AGENT, 'mode' => 'inline', 'lang' => 'pt-BR' ) );
		assert_same(
			'<iwy-agent agent-id="' . OTHER_AGENT . '" session-url="https://example.test/wp-json/iwy-agent/v1/session" mode="inline" lang="pt-BR"></iwy-agent>',
			$html
		);
		assert_same( array( array( 'module', 'iwy-agent' ) ), WP::$enqueued );
		$script = WP::$scripts['iwy-agent'];
		assert_same( 'module', $script['kind'] );
		assert_same( 'https://example.test/wp-content/plugins/wordpress/assets/iwy-agent.js', $script['src'] );
		assert_same( null, $script['ver'], 'no ?ver=: the chunks import the entry by its bare URL' );
	}
);

test(
	'the default agent fills in; mode and lang are left to the element when not given',
	static function (): void {
		configure_site();
		assert_same( '<iwy-agent agent-id="' . AGENT . '" session-url="https://example.test/wp-json/iwy-agent/v1/session"></iwy-agent>', shortcode( array() ) );
		assert_same( '<iwy-agent agent-id="' . AGENT . '" session-url="https://example.test/wp-json/iwy-agent/v1/session"></iwy-agent>', ( WP::$shortcodes['iwy_agent'] )( '', '', 'iwy_agent' ), 'a bare [iwy_agent]' );
	}
);

test(
	'malicious attribute values never reach the markup',
	static function (): void {
		configure_site();
		$attacks = array(
			'"><script>alert(1)</script>',
			"' onmouseover='alert(1)",
			'inline" onfocus="alert(1)" autofocus="',
			'en"><img src=x onerror=alert(1)>',
			'javascript:alert(1)',
		);
		foreach ( $attacks as $attack ) {
			$html = shortcode( array( 'mode' => $attack, 'lang' => $attack ) );
			assert_single_tag( $html );
			assert_not_contains( 'alert', $html );
		}
		assert_not_contains( 'lang=', shortcode( array( 'lang' => "en\n" ) ), 'a trailing newline is no language tag' );
		// An attacking agent id renders nothing for visitors, and editors get a notice without it.
		assert_same( '', shortcode( array( 'agent_id' => $attacks[0] ) ) );
		WP::$can = true;
		$notice = shortcode( array( 'agent_id' => $attacks[0] ) );
		assert_contains( '<p class="iwy-agent-notice">', $notice );
		assert_not_contains( 'script', $notice );
	}
);

test(
	'the session URL is escaped even when the site URL is hostile',
	static function (): void {
		configure_site();
		WP::$home = 'https://example.test/a"onload="alert(1)\'<b>';
		$html     = shortcode( array() );
		assert_single_tag( $html );
		assert_not_contains( "'", $html );
	}
);

test(
	'agent ids are normalised to lower case; editors are told when visitors could not start the agent',
	static function (): void {
		configure_site();
		$unlisted = '11111111-2222-4333-8444-555555555555';
		assert_single_tag( shortcode( array( 'agent_id' => strtoupper( $unlisted ) ) ) );
		assert_contains( 'agent-id="' . $unlisted . '"', shortcode( array( 'agent_id' => strtoupper( $unlisted ) ) ) );
		WP::$can = true;
		assert_contains( 'not in the allowed agents', shortcode( array( 'agent_id' => $unlisted ) ) );
		assert_not_contains( 'iwy-agent-notice', shortcode( array( 'agent_id' => OTHER_AGENT ) ) );
	}
);

test(
	'no agent id and no default: nothing for visitors, a notice for editors',
	static function (): void {
		assert_same( '', shortcode( array() ) );
		assert_same( array(), WP::$enqueued, 'no script without a widget' );
		WP::$can = true;
		assert_contains( 'iwy-agent-notice', shortcode( array() ) );
	}
);

test(
	'the block is dynamic and renders through the shortcode renderer',
	static function (): void {
		configure_site();
		$block = WP::$blocks['iwy-agent/agent'];
		assert_same( array( Embed::class, 'render_block' ), $block['args']['render_callback'] );
		assert_same( array( 'agentId', 'mode', 'lang' ), array_keys( $block['metadata']['attributes'] ) );
		assert_same( 'file:./editor.js', $block['metadata']['editorScript'] );
		assert_true( is_file( $block['dir'] . '/editor.js' ), 'editor.js ships' );
		$asset = require $block['dir'] . '/editor.asset.php';
		assert_contains( 'wp-blocks', implode( ',', $asset['dependencies'] ) );

		$html = ( $block['args']['render_callback'] )( array( 'agentId' => OTHER_AGENT, 'mode' => 'floating', 'lang' => 'ar' ) );
		assert_same( '<div class="wp-block-iwy-agent-agent">' . shortcode( array( 'agent_id' => OTHER_AGENT, 'mode' => 'floating', 'lang' => 'ar' ) ) . '</div>', $html );
		assert_same( '<div class="wp-block-iwy-agent-agent"><iwy-agent agent-id="' . AGENT . '" session-url="https://example.test/wp-json/iwy-agent/v1/session"></iwy-agent></div>', ( $block['args']['render_callback'] )( array( 'agentId' => '', 'mode' => '', 'lang' => '' ) ) );
		assert_same( '', ( $block['args']['render_callback'] )( array( 'agentId' => '"><script>' ) ) );
	}
);
