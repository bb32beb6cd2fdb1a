<?php
/**
 * Plugin Name:       iwy Agent
 * Description:       Embed a live iwy.ai video agent with a shortcode or a block. The site's iwy API key stays on the server: a REST route starts sessions for visitors.
 * Version:           0.1.0
 * Requires at least: 6.3
 * Requires PHP:      7.4
 * Author:            iwy-agent contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       iwy-agent
 *
 * The bundled widget script (assets/) is MIT-licensed, which is GPL-compatible.
 *
 * @package IwyAgent
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'IWY_AGENT_VERSION', '0.1.0' );
define( 'IWY_AGENT_FILE', __FILE__ );
define( 'IWY_AGENT_DIR', __DIR__ );

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/embed.php';
require_once __DIR__ . '/includes/reply.php';
require_once __DIR__ . '/includes/upstream.php';
require_once __DIR__ . '/includes/session-route.php';

register_activation_hook( __FILE__, array( 'IwyAgent\\Settings', 'activate' ) );
add_action( 'init', array( 'IwyAgent\\Embed', 'register' ) );
add_action( 'rest_api_init', array( 'IwyAgent\\SessionRoute', 'register' ) );
add_action( 'admin_init', array( 'IwyAgent\\Settings', 'register' ) );
add_action( 'admin_menu', array( 'IwyAgent\\Settings', 'add_page' ) );
