<?php
/**
 * WordPress 6.3/6.4 (no script modules) with the key defined in wp-config.php.
 */

use IwyAgent\Settings;

test(
	'without script modules the script is a classic handle printed as type="module"',
	static function (): void {
		configure_site();
		assert_same( 'classic', WP::$scripts['iwy-agent']['kind'] );
		assert_same( null, WP::$scripts['iwy-agent']['ver'] );
		assert_contains( '<iwy-agent ', ( WP::$shortcodes['iwy_agent'] )( array() ) );
		assert_same( array( array( 'classic', 'iwy-agent' ) ), WP::$enqueued );

		$src = 'https://example.test/wp-content/plugins/iwy-agent/assets/iwy-agent.js';
		assert_same(
			"<script type=\"module\" src='{$src}' id='iwy-agent-js'></script>\n",
			apply_filters( 'script_loader_tag', "<script type='text/javascript' src='{$src}' id='iwy-agent-js'></script>\n", 'iwy-agent', $src )
		);
		$other = "<script src='x.js' id='other-js'></script>\n";
		assert_same( $other, apply_filters( 'script_loader_tag', $other, 'other', 'x.js' ) );
	}
);

test(
	'a key defined in wp-config.php wins, is used upstream, and is never shown',
	static function (): void {
		configure_site();
		assert_same( 'sk_config_0123456789abcdefWXYZ', Settings::api_key() );
		upstream( 200, array( 'webrtcUrl' => 'http://127.0.0.1:8787/offer' ) );
		$response = post_session( array( 'agentId' => AGENT ) );
		assert_same( 200, $response->get_status() );
		assert_same( 'Bearer sk_config_0123456789abcdefWXYZ', WP::$http_calls[0]['args']['headers']['Authorization'] );
		assert_no_key( visible( $response ) );

		WP::$can = true;
		ob_start();
		( WP::$pages['iwy-agent']['callback'] )();
		$html = (string) ob_get_clean();
		assert_contains( 'Defined in wp-config.php', $html );
		assert_not_contains( 'name="iwy_agent_api_key"', $html, 'no key field when the constant rules' );
		assert_no_key( $html );
	}
);
